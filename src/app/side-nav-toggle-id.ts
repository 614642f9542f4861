/** The header's hamburger (src/app/app-header.tsx): focus returns to it when the side menu's drawer closes. */
export const SIDE_NAV_TOGGLE_ID = 'side-nav-toggle';
