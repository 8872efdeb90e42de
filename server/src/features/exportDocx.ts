import { exportDocx, isExistingFile, writeOutputFile } from '../../../host/src';
import { houseStyle } from '../../../core/src';
import { ExportDocxRequest } from '../../../protocol';
import { analysisOf, ServerContext } from '../context';

/** Writes the Word document of an open speech, in the house style; never replaces a file unasked. */
export function registerExportDocx(context: ServerContext): void {
  context.connection.onRequest(ExportDocxRequest, async params => {
    const result = await analysisOf(context, params.uri);
    if (!result) return { error: 'not an open speech document' };
    if (!params.overwrite && isExistingFile(params.target)) return { exists: params.target };
    try {
      writeOutputFile(params.target, await exportDocx(result.analysis, houseStyle(result.settings.exportStyle)), { replace: !!params.overwrite });
      return { written: params.target };
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
}
