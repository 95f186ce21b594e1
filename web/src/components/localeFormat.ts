/**
 * Numbers, durations and dates in the interface language, through the browser's Intl formatters,
 * so units and separators need no translation files of their own.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Formatters bound to one language. */
export interface LocaleFormat {
  /** The language the formatters use. */
  language: string;
  /** A number with at most `digits` decimals. */
  number(value: number, digits?: number): string;
  /** A 0–100 percentage with one decimal. */
  percent(value: number): string;
  /** Seconds as "2 h 5 min", "4 min 10 s" or "45 s". */
  duration(seconds: number): string;
  /** An ISO timestamp as a date. */
  date(iso: string | null | undefined): string;
  /** An ISO timestamp as date and time. */
  dateTime(iso: string | null | undefined): string;
  /** Short name of an ISO weekday (1 = Monday). */
  weekday(isoDay: number): string;
}

/** Builds the formatters of `language` (a language Intl does not know falls back to the browser's). */
export function localeFormat(language: string): LocaleFormat {
  const locale = Intl.NumberFormat.supportedLocalesOf([language]).length > 0 ? language : undefined;
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numbers.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      numbers.set(digits, format);
    }
    return format;
  };
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const unit = (name: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' });
  const seconds = unit('second');
  const minutes = unit('minute');
  const hours = unit('hour');
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const parse = (iso: string | null | undefined) => {
    if (!iso) return null;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  return {
    language,
    number: (value, digits = 1) => numberFormat(digits).format(value),
    percent: (value) => percent.format(value / 100),
    duration: (value) => {
      const whole = Math.round(value);
      if (whole < 60) return seconds.format(whole);
      const wholeMinutes = Math.floor(whole / 60);
      if (wholeMinutes < 60) {
        const rest = whole % 60;
        return rest
          ? `${minutes.format(wholeMinutes)} ${seconds.format(rest)}`
          : minutes.format(wholeMinutes);
      }
      const rest = wholeMinutes % 60;
      const h = hours.format(Math.floor(wholeMinutes / 60));
      return rest ? `${h} ${minutes.format(rest)}` : h;
    },
    date: (iso) => {
      const date = parse(iso);
      return date ? dateFormat.format(date) : (iso ?? '');
    },
    dateTime: (iso) => {
      const date = parse(iso);
      return date ? dateTimeFormat.format(date) : (iso ?? '');
    },
    // 2024-01-01 was a Monday.
    weekday: (isoDay) => weekdayFormat.format(new Date(Date.UTC(2024, 0, isoDay))),
  };
}

/** The formatters of the current interface language. */
export function useLocaleFormat(): LocaleFormat {
  const { i18n } = useTranslation();
  const language = i18n?.language || navigator.language || 'en';
  return useMemo(() => localeFormat(language), [language]);
}

/** Local `YYYY-MM-DD` of a date. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The ISO instant of local midnight of a `YYYY-MM-DD` day, `offset` days later. */
export function localMidnight(day: string, offset = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year as number, (month as number) - 1, (date as number) + offset).toISOString();
}
