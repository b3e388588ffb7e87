import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'laowu:isPublic';

/** Marks a route that needs no bearer token (health, metrics, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
