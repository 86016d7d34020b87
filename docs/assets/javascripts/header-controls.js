// Below Material's 76.25em breakpoint the navigation is a drawer, and below 60em search is a
// full-screen dialog; both open from <label> icons in the header. A label cannot take keyboard
// focus, while the closed drawer's links stay in the Tab order, invisible (34 stops on a long
// page). Here the two icons hold buttons, and the closed drawer (and closed search dialog) is
// inert: out of the Tab order and of what a screen reader lists until it is opened. Without
// JavaScript, nothing changes.
(() => {
  "use strict";
  const words = document.currentScript.dataset;
  const drawer = document.getElementById("__drawer");
  const search = document.getElementById("__search");
  const sidebar = document.querySelector(".md-sidebar--primary");
  const dialog = document.querySelector(".md-search");
  const drawerMode = matchMedia("(max-width: 76.234375em)");

  const asButton = (toggle, name) => {
    const label = toggle && document.querySelector(`.md-header label[for="${toggle.id}"]`);
    if (!label) return null;
    // The button is a span inside the label: a <label> may not take role=button (ARIA in
    // HTML, axe's aria-allowed-role), and a click on the span still toggles the checkbox.
    const control = document.createElement("span");
    control.className = "header-control";
    control.append(...label.childNodes);
    label.append(control);
    control.tabIndex = 0;
    control.setAttribute("role", "button");
    control.setAttribute("aria-label", name);
    control.setAttribute("aria-expanded", String(toggle.checked));
    control.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      // Space would scroll the page; Material's own Enter handler would click a second time.
      event.preventDefault();
      event.stopPropagation();
      label.click(); // toggles the checkbox, which Material watches
    });
    return control;
  };
  const menu = asButton(drawer, words.menu);
  const find = asButton(search, words.search);

  if (menu && sidebar) {
    let followed = false; // a link in the drawer was chosen: focus goes where it leads
    const sync = () => {
      sidebar.inert = drawerMode.matches && !drawer.checked;
      menu.setAttribute("aria-expanded", String(drawer.checked));
    };
    drawer.addEventListener("change", () => {
      const focusInside = sidebar.contains(document.activeElement);
      sync();
      if (drawer.checked) {
        if (document.activeElement === menu) sidebar.querySelector("a[href]")?.focus();
      } else if ((focusInside || document.activeElement === document.body) && !followed) {
        menu.focus();
      }
      followed = false;
    });
    sidebar.addEventListener("click", (event) => {
      if (event.target.closest("a[href]")) followed = true;
    });
    // Tabbing out of the open drawer closes it, so focus never moves behind its overlay.
    document.addEventListener("focusin", (event) => {
      const away = !sidebar.contains(event.target) && event.target !== menu;
      if (drawer.checked && drawerMode.matches && away) drawer.click();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && drawer.checked && drawerMode.matches) drawer.click();
    });
    drawerMode.addEventListener("change", sync);
    sync();
  }

  if (find && dialog) {
    const input = dialog.querySelector(".md-search__input");
    const dialogMode = matchMedia("(max-width: 59.984375em)");
    const sync = () => {
      dialog.inert = dialogMode.matches && !search.checked;
      find.setAttribute("aria-expanded", String(search.checked));
    };
    search.addEventListener("change", () => {
      const focusInside = dialog.contains(document.activeElement);
      sync();
      if (search.checked) {
        if (!focusInside) input.focus();
      } else if (dialogMode.matches && (focusInside || document.activeElement === document.body)) {
        find.focus();
      }
    });
    // Material's shortcuts (f, s, /) focus the search box, which cannot take focus while the
    // closed dialog is inert: open it instead, which focuses the box.
    document.addEventListener("keydown", (event) => {
      if (!dialog.inert || !["f", "s", "/"].includes(event.key)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      event.preventDefault();
      event.stopPropagation();
      search.click();
    });
    dialogMode.addEventListener("change", sync);
    sync();
  }
})();
