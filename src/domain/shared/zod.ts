import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/**
 * The zod every schema is built with. zod 4 attaches methods when a schema is created, so the
 * OpenAPI metadata method must exist before the first schema is: it is added here, once.
 * (The domain stays free of HTTP: this is the OpenAPI vocabulary, not a transport.)
 */
extendZodWithOpenApi(z);

export { z };
