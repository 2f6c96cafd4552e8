// Browser notifications for task reminders; the in-page toast shows either way.
window.todoChatNotify = function (text) {
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  try { new Notification("todo-chat", { body: text }); } catch (e) { /* some browsers need a service worker */ }
};
window.todoChatAskNotify = function () {
  if ("Notification" in window && Notification.permission === "default") Notification.requestPermission();
};
