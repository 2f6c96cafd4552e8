// Small browser helpers: reminder notifications, and the time zone on login and signup.
window.todoChatNotify = function (text) {
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  try { new Notification("todo-chat", { body: text }); } catch (e) { /* some browsers need a service worker */ }
};
window.todoChatAskNotify = function () {
  if ("Notification" in window && Notification.permission === "default") Notification.requestPermission();
};

// Login and signup forms carry the browser's own time zone (relative dates are read in it).
document.addEventListener("submit", function (event) {
  var field = event.target && event.target.querySelector && event.target.querySelector("input[name=timezone]");
  if (field) field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}, true);
