// A generated OpenAPI 3.0 document of about `bytes` bytes, shared by the OpenAPI benchmarks: one operation per
// resource, each answering with its own component schema of 25 properties (the shape of a large real API).
export function bigSpec(bytes) {
  const spec = { openapi: '3.0.3', info: { title: 'Big', version: '1' }, paths: {}, components: { schemas: {} } };
  let size = JSON.stringify(spec).length;
  for (let i = 0; size < bytes; i++) {
    const properties = {};
    for (let p = 0; p < 25; p++)
      properties[`field${p}_${i}`] = {
        type: p % 3 ? 'string' : 'integer',
        description: `Field ${p} of resource ${i}.`,
      };
    const schema = { type: 'object', required: [`field0_${i}`], properties };
    const path = {
      get: {
        operationId: `getResource${i}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: `#/components/schemas/Resource${i}` } } },
          },
        },
      },
    };
    spec.components.schemas[`Resource${i}`] = schema;
    spec.paths[`/resources${i}/{id}`] = path;
    size += JSON.stringify(schema).length + JSON.stringify(path).length + 40;
  }
  return spec;
}
