/**
 * protobufjs's fromObject silently drops keys it does not know and fills in
 * missing required fields with defaults; for hand-built feeds both are bugs.
 * So do enum names it does not know. This walks a plain object against a
 * message type and names the first such problem.
 */
import protobuf from "protobufjs";

export function checkPlainObject(type: protobuf.Type, obj: unknown, path = ""): string | null {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj))
    return `${path || type.name}: object expected`;
  const record = obj as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!type.fields[key] && record[key] !== undefined) return `${path}${key}: no such field in ${type.name}`;
  }
  for (const field of type.fieldsArray) {
    const value = record[field.name];
    const here = `${path}${field.name}`;
    if (value === undefined || value === null) {
      if (field.required) return `${here}: required field missing`;
      continue;
    }
    if (field.resolvedType instanceof protobuf.Enum) {
      const problem = checkEnum(
        field.resolvedType,
        field.repeated && Array.isArray(value) ? value : [value],
        here,
      );
      if (problem) return problem;
      continue;
    }
    if (!(field.resolvedType instanceof protobuf.Type)) continue;
    if (field.repeated) {
      if (!Array.isArray(value)) return `${here}: array expected`;
      for (let i = 0; i < value.length; i++) {
        const problem = checkPlainObject(field.resolvedType, value[i], `${here}[${i}].`);
        if (problem) return problem;
      }
    } else {
      const problem = checkPlainObject(field.resolvedType, value, `${here}.`);
      if (problem) return problem;
    }
  }
  return null;
}

function checkEnum(type: protobuf.Enum, values: unknown[], here: string): string | null {
  for (const v of values) {
    const known = typeof v === "string" ? v in type.values : Object.values(type.values).includes(v as number);
    if (!known) return `${here}: ${String(v)} is not a ${type.name} value`;
  }
  return null;
}
