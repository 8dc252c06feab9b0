import { renderHtmlReport } from '../render/html.js';
import type { ReportModel } from '../render/report-model.js';
import { readReportAssets } from './assets.js';
import type { OutputFile, Written } from './output-file.js';

/** --html FILE: the self-contained report page, to be written with the result */
export function reportFile(to: OutputFile, model: ReportModel): Written {
  return { to, text: renderHtmlReport(model, readReportAssets()) };
}
