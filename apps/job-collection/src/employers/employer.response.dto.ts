import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type EmployerEntity } from './employer.entity';

/** 就业帮扶车间 figures (十四), from dispatch's placements at the employer. */
export interface WorkshopFigures {
  povertyAlleviatedEmployed: number;
  povertyAlleviatedEmployedThisYear: number;
}

export class EmployerResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '统一社会信用代码 (an organisation’s public identifier)' }) creditCode: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ description: '就业帮扶车间 (十四)' }) workshop: boolean;
  @ApiProperty({ description: 'The agency that registered it' }) agencyId: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional({
    description: 'A workshop only: poverty-alleviated workers and monitoring targets (脱贫人口, 监测对象) in an active placement there now',
  })
  povertyAlleviatedEmployed?: number;
  @ApiPropertyOptional({
    description: 'A workshop only: distinct such workers placed there at any time this calendar year (China time)',
  })
  povertyAlleviatedEmployedThisYear?: number;
  @ApiProperty() registeredAt: string;
  @ApiProperty() updatedAt: string;
}

export class EmployerPageResponse {
  @ApiProperty({ type: [EmployerResponse] }) items: EmployerResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export function toEmployerResponse(employer: EmployerEntity, figures?: WorkshopFigures): EmployerResponse {
  return {
    id: employer.id,
    name: employer.name,
    creditCode: employer.creditCode,
    regionCode: employer.regionCode,
    workshop: employer.workshop,
    agencyId: employer.agencyId,
    version: employer.version,
    ...(employer.workshop && figures ? figures : {}),
    registeredAt: employer.registeredAt.toISOString(),
    updatedAt: employer.updatedAt.toISOString(),
  };
}
