import type { Element, ElementContent, Properties, Text } from 'hast';

/** A hast element: `el('p', { className: ['x'] }, [txt('hi')])` is `<p class="x">hi</p>`. */
export function el(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** A hast text node. */
export function txt(value: string): Text {
  return { type: 'text', value };
}

/** The text of a hast node and everything under it. */
export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
