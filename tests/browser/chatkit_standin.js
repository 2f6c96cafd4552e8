// A local stand-in for ChatKit's <openai-chatkit> web component (whose real script comes from
// OpenAI's CDN, unreachable here). Same methods and events; it records what it is given.
(() => {
  const record = (window.__chatkit = { options: null, calls: [], element: null });
  const METHODS = ["focusComposer", "setThreadId", "sendUserMessage", "setComposerValue",
                   "fetchUpdates", "sendCustomAction", "showHistory", "hideHistory"];

  class StandInChatKit extends HTMLElement {
    connectedCallback() {
      record.element = this;
      this.setAttribute("data-standin", "true");
      this.innerHTML = '<div role="group" aria-label="ChatKit stand-in" style="padding:16px">ChatKit stand-in</div>';
    }
    setOptions(options) {
      record.options = options;
      // Like the real element, ready once its (iframe) UI has loaded, after React attached listeners.
      setTimeout(() => this.emit("chatkit.ready"), 150);
    }
    emit(name, detail) {
      this.dispatchEvent(new CustomEvent(name, { detail }));
    }
  }
  for (const name of METHODS) {
    StandInChatKit.prototype[name] = function (...args) {
      record.calls.push([name, ...args]);
      return Promise.resolve();
    };
  }
  customElements.define("openai-chatkit", StandInChatKit);
  window.__chatkitEmit = (name, detail) => record.element.emit(name, detail);
})();
