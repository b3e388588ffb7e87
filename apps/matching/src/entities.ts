/** Every TypeORM entity of this app. */
export const ENTITIES: Function[] = [];
