// The thin React bridge between Reflex and @openai/chatkit-react.
//
// Props come from Python (todo_chat/ui/components/chatkit.py); every ChatKit event is handed to
// a Reflex event handler. The <openai-chatkit> element itself comes from OpenAI's CDN: when that
// script cannot load (offline, blocked), onUnavailable fires within `loadTimeoutMs` and this
// renders nothing, so the page's native chat takes over.
import React, { useEffect, useMemo, useRef, useState } from "react";
import { ChatKit, useChatKit } from "@openai/chatkit-react";

const ELEMENT = "openai-chatkit";

function loadElement(src, timeoutMs) {
  if (customElements.get(ELEMENT)) return Promise.resolve({ ok: true });
  return new Promise((resolve) => {
    const done = (result) => { clearTimeout(timer); resolve(result); };
    const timer = setTimeout(() => done({ ok: !!customElements.get(ELEMENT), reason: "timeout" }), timeoutMs);
    customElements.whenDefined(ELEMENT).then(() => done({ ok: true }));
    let script = document.querySelector(`script[data-chatkit="${src}"]`);
    if (!script) {
      script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.dataset.chatkit = src;
      document.head.appendChild(script);
    }
    script.addEventListener("error", () => done({ ok: false, reason: "script failed to load" }));
  });
}

function errorDetail(error, extra = {}) {
  return { message: String(error?.message || error || "ChatKit error"), stack: String(error?.stack || ""), ...extra };
}

// Client errors go to the server log too (POST /api/errors), as the seeds ask.
function report(apiBase, detail) {
  try {
    fetch(`${apiBase}/api/errors`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...detail, url: window.location.href, timestamp: new Date().toISOString() }),
    });
  } catch (_) { /* reporting must never break the page */ }
}

class Boundary extends React.Component {
  constructor(props) { super(props); this.state = { failed: false }; }
  static getDerivedStateFromError() { return { failed: true }; }
  componentDidCatch(error) { this.props.onCrash(errorDetail(error)); }
  render() { return this.state.failed ? null : this.props.children; }
}

// getClientSecret for our own session endpoint; the secret is refreshed before it expires.
function userIdOf(token) {
  try {
    return JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sub;
  } catch (e) {
    return null;
  }
}

async function searchTasks(apiBase, token, query) {
  const userId = userIdOf(token || "");
  if (!userId) return [];
  const url = `${apiBase}/api/${userId}/tasks?limit=20&sort=updated&q=${encodeURIComponent(query || "")}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) return [];
  const { tasks } = await response.json();
  return tasks.map((task) => ({
    id: `task_${task.id}`, title: `#${task.id} ${task.title}`, group: "Tasks", interactive: false,
    data: { task_id: String(task.id) },
  }));
}

function useClientSecret(apiBase, token) {
  const cache = useRef({ secret: null, expires: 0 });
  return useMemo(() => async (force = false) => {
    const now = Date.now();
    if (!force && cache.current.secret && cache.current.expires - now > 60_000) return cache.current.secret;
    const res = await fetch(`${apiBase}/api/chatkit/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: "{}",
    });
    if (!res.ok) throw new Error(`Could not open a chat session (${res.status})`);
    const body = await res.json();
    cache.current = { secret: body.client_secret, expires: now + body.expires_in * 1000 };
    return body.client_secret;
  }, [apiBase, token]);
}

function Chat(props) {
  const { apiBase, on } = props;
  const secret = useClientSecret(apiBase, props.token);
  const chatkitRef = useRef(null);

  const authFetch = useMemo(() => async (input, init = {}) => {
    const send = async (force) => fetch(input, {
      ...init,
      headers: { ...(init.headers || {}), Authorization: `Bearer ${await secret(force)}` },
    });
    let res = await send(false);
    if (res.status === 401) res = await send(true);
    if (res.status === 429) {
      let message = "You're sending messages too fast. Please wait a moment.";
      try { message = (await res.clone().json()).detail || message; } catch (_) {}
      on.error({ message, status: 429 });
    }
    return res;
  }, [secret, on]);

  const options = {
    api: { url: `${apiBase}/api/chatkit`, domainKey: props.domainKey || "local", fetch: authFetch,
           uploadStrategy: { type: "two_phase" } },
    theme: {
      colorScheme: props.colorScheme,
      color: { accent: { primary: props.accent, level: 2 } },
      radius: props.radius,
      density: props.density,
    },
    startScreen: { greeting: props.greeting, prompts: props.prompts },
    composer: { placeholder: props.placeholder, attachments: { enabled: !!props.attachments } },
    header: {
      enabled: true,
      title: { text: props.title },
      // Our sidebar and task panel live outside ChatKit: its header opens them / starts a chat.
      leftAction: { icon: "sidebar-open-left", onClick: () => on.headerAction({ action: "conversations" }) },
      rightAction: { icon: "compose", onClick: () => on.headerAction({ action: "new_chat" }) },
    },
    history: { enabled: false },
    // `#` in ChatKit's composer: the person's tasks as entity tags. The tag's text reaches the
    // model as "#12 Buy bread" (an unambiguous reference, as the native view's "task #12").
    entities: { onTagSearch: (query) => searchTasks(apiBase, props.token, query) },
    initialThread: props.threadId || null,
    widgets: {
      onAction: async (action, item) => {
        if (action.type === "task.open") { on.clientAction({ type: action.type, payload: action.payload }); return; }
        await chatkitRef.current?.sendCustomAction(action, item.id);
      },
    },
    onReady: () => on.ready({}),
    onError: ({ error }) => { const d = errorDetail(error); report(apiBase, d); on.error(d); },
    onResponseStart: () => on.responseStart({}),
    onResponseEnd: () => on.responseEnd({}),
    onThreadChange: ({ threadId }) => on.threadChange({ threadId: threadId || null }),
    onLog: ({ name, data }) => on.log({ name, data: data || {} }),
  };
  // useChatKit returns the element's methods (setThreadId, sendUserMessage, ...) beside `control`.
  const chatkit = useChatKit(options);
  const { control } = chatkit;
  chatkitRef.current = chatkit;

  // Python drives the element: the sidebar's thread, suggested prompts, focus. A nonce makes
  // the same call twice run twice.
  const lastNonce = useRef(null);
  useEffect(() => {
    const cmd = props.command;
    if (!cmd || !cmd.method || cmd.nonce === lastNonce.current) return;
    lastNonce.current = cmd.nonce;
    chatkit[cmd.method]?.(...(cmd.args || []));
  }, [props.command, chatkit]);

  return <ChatKit control={control} className={props.className} style={{ height: "100%", width: "100%" }} />;
}

export function ChatKitBridge(props) {
  const [status, setStatus] = useState("loading");
  const handlers = useRef({});
  handlers.current = props;
  // Stable callbacks that always reach the latest Reflex handlers.
  const on = useMemo(() => {
    const call = (name) => (detail) => handlers.current[name]?.(detail ?? {});
    return {
      ready: call("onReady"), error: call("onError"), responseStart: call("onResponseStart"),
      responseEnd: call("onResponseEnd"), threadChange: call("onThreadChange"), log: call("onLog"),
      clientAction: call("onClientAction"), unavailable: call("onUnavailable"),
      headerAction: call("onHeaderAction"),
    };
  }, []);

  useEffect(() => {
    let alive = true;
    loadElement(props.scriptSrc, props.loadTimeoutMs || 4000).then((result) => {
      if (!alive) return;
      setStatus(result.ok ? "ready" : "unavailable");
      if (!result.ok) on.unavailable({ reason: result.reason });
    });
    return () => { alive = false; };
  }, [props.scriptSrc]);

  if (status !== "ready") return null; // takes no space while loading or when unavailable
  return (
    <Boundary onCrash={(d) => { report(props.apiBase, d); on.error(d); on.unavailable({ reason: "crashed" }); }}>
      <Chat {...props} on={on} />
    </Boundary>
  );
}
