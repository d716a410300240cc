// Cells and rows the page does not show, as the browser decides: the markup's own signs (`hidden`, inline
// display:none / visibility:hidden) and then the computed style, which also sees class rules (CMS print
// templates hide duplicate cells with a stylesheet). Only table cells and rows are asked, once each, while
// the tables are read; the style is already computed for a laid-out page, so each call is a lookup.
import { isHiddenByMarkup, type HiddenTest } from '../../lib/extract/grid';

export const hiddenInPage: HiddenTest = (el) => {
  if (isHiddenByMarkup(el)) return true;
  const view = el.ownerDocument?.defaultView;
  if (!view) return false;
  try {
    const cs = view.getComputedStyle(el);
    if (cs.display === 'none') return true;
    const visibility = cs.visibility;
    return visibility === 'hidden' || visibility === 'collapse';
  } catch {
    return false;
  }
};
