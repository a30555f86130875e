import Handlebars from "handlebars";

// The variables a template may name: what templateVariables (variables.ts) provides.
export const TEMPLATE_VARIABLES = [
  "patient.name",
  "patient.firstName",
  "patient.phone",
  "patient.email",
  "appointment.reference",
  "appointment.date",
  "appointment.time",
  "appointment.status",
  "doctor.name",
  "centre.name",
  "financial.amount",
  "financial.paymentStatus",
  "walkin.token",
  "walkin.queue",
  "walkin.position",
  "walkin.room",
  "refund.amount",
  "rescheduleUrl",
  "series.count",
  "series.last",
] as const;
const KNOWN = new Set<string>(TEMPLATE_VARIABLES);
// Blocks a template may use around text: {{#if doctor.name}}…{{/if}}, {{#unless …}}.
const BLOCKS = new Set(["if", "unless"]);

type Node = {
  type: string;
  original?: string;
  path?: { original: string };
  params?: Node[];
  program?: { body: Node[] };
  inverse?: { body: Node[] };
};

// What is wrong with a template's source, in words: it does not compile, or it names a
// variable or a helper that does not exist. Empty when it is fine. Pure.
export function templateProblems(source: string): string[] {
  let ast: { body: Node[] };
  try {
    // Sound: Node is a read-only subset of Handlebars' AST node types, every field optional.
    ast = Handlebars.parse(source) as unknown as { body: Node[] };
  } catch (error) {
    return [`does not compile: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`];
  }
  const problems = new Set<string>();
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type === "MustacheStatement" || node.type === "SubExpression") {
        const name = node.path?.original ?? "";
        if (node.params?.length) problems.add(`uses {{${name} …}}, which is not a variable`);
        else if (!KNOWN.has(name)) problems.add(`uses the unknown variable {{${name}}}`);
      } else if (node.type === "BlockStatement") {
        const name = node.path?.original ?? "";
        if (!BLOCKS.has(name)) problems.add(`uses {{#${name}}}: only {{#if}} and {{#unless}} are allowed`);
        else
          for (const p of node.params ?? [])
            if (p.type === "PathExpression" && !KNOWN.has(p.original ?? "")) problems.add(`uses the unknown variable ${p.original}`);
        visit(node.program?.body ?? []);
        visit(node.inverse?.body ?? []);
      } else if (node.type === "PartialStatement" || node.type === "PartialBlockStatement" || node.type === "DecoratorBlock") {
        problems.add("uses a partial, which templates cannot");
      }
    }
  };
  visit(ast.body);
  return [...problems];
}
