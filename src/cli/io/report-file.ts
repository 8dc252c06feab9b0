import type { Io } from '../context.js';
import { renderHtmlReport } from '../render/html.js';
import type { ReportModel } from '../render/report-model.js';
import { readReportAssets } from './assets.js';
import { emit } from './output.js';

/** --html FILE: the self-contained report page, written to FILE */
export function writeHtmlReport(io: Io, file: string, model: ReportModel): void {
  emit(io, renderHtmlReport(model, readReportAssets()), file);
}
