import { Connection, ErrorCodes, Message, MessageStrategy, ResponseError } from 'vscode-languageserver/node';

/** Refused requests are turned into this one, whose handler answers with the error. */
const REFUSED = 'speechDraft/refused';

interface Refusal {
  code: number;
  message: string;
}

/**
 * The LSP life cycle: before `initialize` a request gets ServerNotInitialized, after `shutdown`
 * InvalidRequest, and notifications other than `exit` are dropped. The library answers them with
 * `null` instead, as if the server had run them.
 */
export class LifecycleGuard implements MessageStrategy {
  private state: 'new' | 'running' | 'shut down' = 'new';

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (Message.isRequest(message)) {
      const refusal = this.refusal(message.method);
      if (message.method === 'initialize' && !refusal) this.state = 'running';
      if (message.method === 'shutdown' && !refusal) this.state = 'shut down';
      next(refusal ? { ...message, method: REFUSED, params: refusal } as Message : message);
    } else if (Message.isNotification(message)) {
      if (message.method === 'exit' || this.state === 'running') next(message);
    } else {
      next(message);
    }
  }

  private refusal(method: string): Refusal | undefined {
    if (this.state === 'new' && method !== 'initialize') return { code: ErrorCodes.ServerNotInitialized, message: `${method}: the server is not initialized` };
    if (this.state === 'running' && method === 'initialize') return { code: ErrorCodes.InvalidRequest, message: 'initialize: the server is initialized already' };
    if (this.state === 'shut down') return { code: ErrorCodes.InvalidRequest, message: `${method}: the server is shut down` };
    return undefined;
  }

  /** Answers the refused requests. */
  attach(connection: Connection): void {
    connection.onRequest(REFUSED, (refusal: Refusal) => new ResponseError(refusal.code, refusal.message));
  }
}
