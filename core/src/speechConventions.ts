// Conventions of the genre that several parts of the core read: one home for each pattern.

/** The line that addresses the audience: 同志们：, 各位代表：, 老师们、同学们：. */
export const SALUTATION = /^(同志们|各位[^：:]{0,16}|老师们[^：:]{0,10}|同学们)[：:]$/;

/** The number of points an announcement promises: 三 in 下面，我讲三点意见 (几 when it does not say). */
export const ANNOUNCED_POINTS = /[一二三四五六七八九十几]+(?=点|个方面|方面)/;
