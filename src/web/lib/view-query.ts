/**
 * The address of a saved view: its query (filters, sort, `hide`) as saved. A view made through the
 * API may name its visible `columns` instead of `hide`; those become `hide` over the list's columns.
 */
export function viewSearch(view: { query: string; columns: string[] }, allColumns: string[]): string {
  const params = new URLSearchParams(view.query);
  if (!params.has('hide') && view.columns.length) {
    const hide = allColumns.filter((id) => !view.columns.includes(id));
    if (hide.length) params.set('hide', hide.join(','));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
