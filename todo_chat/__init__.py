"""todo-chat: a todo list you run by talking to it."""
