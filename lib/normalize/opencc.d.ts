// opencc-js ships no declarations for its per-dictionary modules.
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
