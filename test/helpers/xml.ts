// @ts-expect-error jsdom ships no types here (@types/jsdom is not installed); only its DOMParser is used
import { JSDOM } from 'jsdom'

/** The little of the DOM the JUnit checks read. */
export interface XmlNode {
  getAttribute(name: string): string | null
  getElementsByTagName(name: string): ArrayLike<XmlNode> & Iterable<XmlNode>
  textContent: string | null
  parentNode: XmlNode | null
}

/** A real XML parser (jsdom's DOMParser): a malformed report shows up as a <parsererror>. */
export function parseXml(xml: string): XmlNode {
  const window = new JSDOM('').window as { DOMParser: new () => { parseFromString(s: string, type: string): XmlNode } }
  return new window.DOMParser().parseFromString(xml, 'application/xml')
}
