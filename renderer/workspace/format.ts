import { localeTag } from '../i18n/i18n.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Date and time the way the UI language writes them ("14:05 20/11/2025" in vi-VN). */
export function formatDateTime(iso: string, language: string): string {
  const tag = localeTag(language);
  let formatter = formatters.get(tag);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(tag, formatter);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeTag(language)).format(value);
}
