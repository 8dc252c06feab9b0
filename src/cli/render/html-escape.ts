/** text for HTML markup: element content and double-quoted attribute values */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * JSON to put inside <script type="application/json">: every < > & becomes a
 * \u escape, so a name such as "</script>" cannot end the element early and
 * JSON.parse still reads the same string.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Library code to inline in a <script>: "</script" would close the element,
 * so it is written "<\/script" (the same text inside a JS string or regex);
 * the source-map comment is dropped, it would point at a file that is not there.
 */
export function scriptForInline(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
}
