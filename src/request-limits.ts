// Limits that stop one request from fanning out into many engine executions: every root field of a
// query runs at least one query over the archive, so a document with hundreds of aliases would tie the
// engine up for minutes. Checked during validation, before any engine work.
import { FieldNode, FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';

function rootFields(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const out: FieldNode[] = [];
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) {
      if (!s.name.value.startsWith('__')) out.push(s);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      out.push(...rootFields(s.selectionSet, fragments, seen));
    } else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const f = fragments[s.name.value];
      if (f) out.push(...rootFields(f.selectionSet, fragments, seen));
    }
  }
  return out;
}

export function maxRootFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      const count = rootFields(node.selectionSet, fragments).length;
      if (count > max) {
        context.reportError(
          new GraphQLError(`this operation asks for ${count} root fields (aliases included); the limit is ${max} (AUDITQL_MAX_ROOT_FIELDS): split it into several requests`, {
            nodes: [node],
            extensions: { code: 'BAD_USER_INPUT', argument: 'document' },
          }),
        );
      }
    },
  });
}
