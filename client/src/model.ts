/**
 * News: Improve the Model from Reviewed Articles / Revert the Model to the Shipped One. The server does the work,
 * shows its progress (cancellable, LSP work-done progress) and says what happened; the result is returned to the
 * caller (tests read it).
 */
import { ModelRequests, type ImproveModelResult, type RevertModelResult } from '../../server/src/protocol';
import type { ServerConnection } from './languageClient';

export async function improveModel(server: ServerConnection): Promise<ImproveModelResult | undefined> {
  const client = await server.running();
  return client ? client.sendRequest(ModelRequests.improve) : undefined;
}

export async function revertModel(server: ServerConnection): Promise<RevertModelResult | undefined> {
  const client = await server.running();
  return client ? client.sendRequest(ModelRequests.revert) : undefined;
}
