/**
 * A small strict XML reader for the manifest tests: elements, attributes,
 * text; fails on anything not well-formed (unbalanced or crossed tags,
 * unquoted or duplicate attributes, stray '<' or '&', more than one root).
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function decode(s: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s))
    throw new Error(`bad entity in ${JSON.stringify(s.slice(0, 40))}`);
  return s.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!,
  );
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const fail = (msg: string): never => {
    const line = xml.slice(0, i).split("\n").length;
    throw new Error(`XML not well-formed at line ${line}: ${msg}`);
  };
  while (i < xml.length) {
    if (xml.startsWith("<?", i)) {
      const end = xml.indexOf("?>", i);
      if (end < 0) fail("unterminated declaration");
      i = end + 2;
    } else if (xml.startsWith("<!--", i)) {
      const end = xml.indexOf("-->", i);
      if (end < 0) fail("unterminated comment");
      i = end + 3;
    } else if (xml.startsWith("</", i)) {
      const end = xml.indexOf(">", i);
      const name = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> closes <${open?.name ?? "nothing"}>`);
      i = end + 1;
    } else if (xml[i] === "<") {
      i++;
      const m = NAME.exec(xml.slice(i));
      if (!m) fail("bad element name");
      const el: XmlElement = { name: m![0], attributes: {}, children: [], text: "" };
      i += m![0].length;
      const attrs: Record<string, string> = {};
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(i))![0];
        i += ws.length;
        if (xml.startsWith("/>", i) || xml[i] === ">") break;
        if (!ws) fail("attributes must be separated by spaces");
        const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(i));
        if (!a) fail(`bad attribute in <${el.name}>`);
        if (a![1] in attrs) fail(`duplicate attribute ${a![1]}`);
        attrs[a![1]] = decode(a![3] ?? a![4]);
        i += a![0].length;
      }
      (el as { attributes: Record<string, string> }).attributes = attrs;
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) fail("more than one root element");
      else root = el;
      if (xml.startsWith("/>", i)) i += 2;
      else {
        i += 1;
        stack.push(el);
      }
    } else {
      const next = xml.indexOf("<", i);
      const text = xml.slice(i, next < 0 ? xml.length : next);
      if (text.trim()) {
        if (!stack.length) fail("text outside the root element");
        stack[stack.length - 1].text += decode(text.trim());
      }
      i = next < 0 ? xml.length : next;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail("no root element");
  return root!;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Local name without the namespace prefix ("bt:Image" -> "Image"). */
export const local = (name: string): string => name.slice(name.indexOf(":") + 1);
