// Reading the XML exports back in tests with saxes, a strict, conformant XML parser (with namespaces): any
// well-formedness error is collected, and the elements come back as a small tree to count and read.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name, without a namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): { root: XmlElement | null; errors: string[] } {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (err) => errors.push(err.message));
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const element: XmlElement = { name: tag.local, attributes, children: [], text: '' };
    stack[stack.length - 1]?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return { root, errors };
}

/** Every element below `root` (itself included) with this local name, in document order. */
export function elements(root: XmlElement | null, name: string): XmlElement[] {
  if (root === null) return [];
  return [...(root.name === name ? [root] : []), ...root.children.flatMap((c) => elements(c, name))];
}
