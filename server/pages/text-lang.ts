/**
 * The language to mark an upstream's own words with (a GitHub description): Chinese when they hold Han characters,
 * English otherwise. A Chinese page then draws an English description with Latin faces and a screen reader
 * pronounces it as English, instead of reading it as Chinese.
 *
 *   textLang('木兰开源社区') → 'zh-CN'; textLang('Log shipper for Kubernetes') → 'en'
 */
export function textLang(text: string): 'zh-CN' | 'en' {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text) ? 'zh-CN' : 'en';
}
