import { useDocumentTitle } from '@mantine/hooks';

/** The tab title names the page (screen readers announce it on navigation). */
export const useTitle = (page: string | null | undefined) => useDocumentTitle(page ? `${page} · Truce` : 'Truce');
