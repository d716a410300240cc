export default defineBackground(() => {
  // Per-tab state and badge live here (see docs/architecture.md).
});
