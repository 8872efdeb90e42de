/** The house layout of an exported speech; every field can be overridden in settings. */
export interface HouseStyle {
  fonts: { title: string; body: string; heading1: string; heading2: string; heading3: string; heading4: string; pageNumber: string; latin: string };
  /** Sizes in points: 2号 = 22, 3号 = 16, 4号 = 14. */
  sizes: { title: number; body: number; pageNumber: number };
  /** Fixed line spacing in points. */
  lineSpacing: number;
  /** Page margins in millimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
}

/** GB/T 9704-2012: A4, 37/35/28/26 mm, 22 lines of 28 characters at a fixed 28 pt. */
export const GBT_9704_STYLE: HouseStyle = {
  fonts: {
    title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', heading3: '仿宋_GB2312',
    heading4: '仿宋_GB2312', pageNumber: '宋体', latin: 'Times New Roman',
  },
  sizes: { title: 22, body: 16, pageNumber: 14 },
  lineSpacing: 28,
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
};

/**
 * What Word should use where a font is missing: machines have either the _GB2312 faces (older
 * Windows, government images) or the plain ones (Windows 10+); WPS maps these by itself.
 */
export const FONT_ALTERNATIVES: Record<string, string> = {
  '仿宋_GB2312': '仿宋', '楷体_GB2312': '楷体', '方正小标宋简体': '华文中宋', '方正小标宋_GBK': '华文中宋',
};

/** The style with the user's overrides merged in; a wrongly typed override is ignored. */
export function houseStyle(overrides: unknown): HouseStyle {
  const given = (overrides && typeof overrides === 'object' ? overrides : {}) as Record<string, Record<string, unknown> | unknown>;
  const merge = <T extends Record<string, string | number>>(base: T, over: unknown): T => {
    const result = { ...base };
    if (over && typeof over === 'object') {
      for (const [key, value] of Object.entries(over)) {
        const expected = typeof base[key];
        if (key in base && typeof value === expected && (expected !== 'number' || (value as number) > 0)) (result as Record<string, unknown>)[key] = value;
      }
    }
    return result;
  };
  const lineSpacing = typeof given.lineSpacing === 'number' && given.lineSpacing > 0 ? given.lineSpacing : GBT_9704_STYLE.lineSpacing;
  return {
    fonts: merge(GBT_9704_STYLE.fonts, given.fonts),
    sizes: merge(GBT_9704_STYLE.sizes, given.sizes),
    lineSpacing,
    margins: merge(GBT_9704_STYLE.margins, given.margins),
  };
}
