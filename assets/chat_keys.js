// The chat page's keyboard: `#` task mentions in the composer, and the shortcuts
// (Esc stops a stream, Ctrl/Cmd+K searches conversations, `/` focuses the composer, `?` lists the
// shortcuts, arrow-up in an empty composer edits the last message).
// The mention list is rendered by Reflex (#mention-list, one option per task); this script only
// filters it, moves the active option (aria-activedescendant) and inserts the chosen reference.
(function () {
  if (window.todoChatKeys) return;
  window.todoChatKeys = true;

  var active = null; // the active option while the list is open
  var composer = function () { return document.getElementById("composer"); };
  var list = function () { return document.getElementById("mention-list"); };
  var visible = function (el) { return !!el && el.offsetParent !== null; };
  var click = function (selector) {
    var el = Array.prototype.find.call(document.querySelectorAll(selector), visible);
    if (el) el.click();
    return !!el;
  };

  function typedQuery(box) {
    var before = box.value.slice(0, box.selectionStart);
    var match = /(^|\s)#([^\s#]*)$/.exec(before);
    return match ? { query: match[2], start: before.length - match[2].length - 1 } : null;
  }

  function options() {
    var ul = list();
    return ul ? Array.prototype.filter.call(ul.querySelectorAll("[role=option]"), function (o) { return !o.hidden; }) : [];
  }

  function announce(text) {
    var status = document.getElementById("mention-status");
    if (status) status.textContent = text;
  }

  function setActive(option) {
    var box = composer();
    if (active) active.setAttribute("aria-selected", "false");
    active = option;
    if (option) {
      option.setAttribute("aria-selected", "true");
      option.scrollIntoView({ block: "nearest" });
      if (box) box.setAttribute("aria-activedescendant", option.id);
    } else if (box) {
      box.removeAttribute("aria-activedescendant");
    }
  }

  function close() {
    var ul = list(), box = composer();
    if (ul) ul.hidden = true;
    setActive(null);
    if (box) box.removeAttribute("aria-controls");
  }

  function isOpen() { var ul = list(); return !!ul && !ul.hidden; }

  function refresh() {
    var box = composer(), ul = list();
    if (!box || !ul) return;
    var typed = typedQuery(box);
    if (!typed) { if (isOpen()) { close(); announce(""); } return; }
    var query = typed.query.toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(ul.querySelectorAll("[role=option]"), function (o) {
      var title = (o.getAttribute("data-title") || "").toLowerCase();
      var id = o.getAttribute("data-task-id") || "";
      o.hidden = !(title.indexOf(query) >= 0 || id.indexOf(query) === 0);
      if (!o.hidden) shown += 1;
    });
    if (!shown) { close(); announce("No task matches #" + typed.query); return; }
    ul.hidden = false;
    box.setAttribute("aria-controls", "mention-list");
    setActive(options()[0]);
    announce(shown + (shown === 1 ? " task matches" : " tasks match") + ". Up and down arrows to choose, Enter to insert.");
  }

  function choose(option) {
    var box = composer();
    var typed = box && typedQuery(box);
    if (!typed || !option) return close();
    var reference = "task #" + option.getAttribute("data-task-id") + " ";
    var value = box.value.slice(0, typed.start) + reference + box.value.slice(box.selectionStart);
    var setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
    setter.call(box, value);
    var caret = typed.start + reference.length;
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event("input", { bubbles: true }));
    close();
    announce("Inserted task #" + option.getAttribute("data-task-id") + ", " + option.getAttribute("data-title"));
  }

  function move(step) {
    var all = options();
    if (!all.length) return;
    var index = all.indexOf(active);
    setActive(all[(index + step + all.length) % all.length]);
  }

  function editable(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function focusSearch() {
    var field = Array.prototype.find.call(document.querySelectorAll("input[aria-label='Search conversations']"), visible);
    if (field) { field.focus(); field.select(); return; }
    if (!click("button[aria-label='Conversations']")) return;
    var tries = 0;
    var wait = setInterval(function () {
      var opened = Array.prototype.find.call(document.querySelectorAll("input[aria-label='Search conversations']"), visible);
      if (opened || ++tries > 40) { clearInterval(wait); if (opened) opened.focus(); }
    }, 50);
  }

  document.addEventListener("input", function (event) {
    if (event.target && event.target.id === "composer") refresh();
  }, true);

  document.addEventListener("click", function (event) {
    var option = event.target && event.target.closest && event.target.closest("#mention-list [role=option]");
    if (option) { event.preventDefault(); choose(option); composer().focus(); }
    else if (isOpen() && event.target !== composer()) close();
  }, true);

  // Capture phase: runs before React's handlers, so Enter in the open list inserts, not sends.
  document.addEventListener("keydown", function (event) {
    var box = composer();
    var inComposer = event.target === box && !!box;
    if (inComposer && isOpen()) {
      var handled = true;
      if (event.key === "ArrowDown") move(1);
      else if (event.key === "ArrowUp") move(-1);
      else if (event.key === "Enter" || event.key === "Tab") choose(active);
      else if (event.key === "Escape") { close(); announce(""); }
      else handled = false;
      if (handled) { event.preventDefault(); event.stopPropagation(); }
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "k" || event.key === "K")) {
      event.preventDefault();
      focusSearch();
      return;
    }
    if (event.key === "Escape") {
      if (click("button[aria-label='Stop']") || (inComposer && click("button.cancel-edit"))) event.preventDefault();
      return;
    }
    if (inComposer && event.key === "ArrowUp" && !box.value && click("button[aria-label='Edit your last message']")) {
      event.preventDefault();
      return;
    }
    if (editable(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" && box && visible(box)) { event.preventDefault(); box.focus(); }
    else if (event.key === "?") { event.preventDefault(); click("button[aria-label='Keyboard shortcuts']"); }
  }, true);
})();
