import { ApiProperty } from '@nestjs/swagger';

/** A 劳务品牌 as the reference endpoint lists it (seeded or bureau-added). */
export class LaborBrandView {
  @ApiProperty({ example: 'chuan-mei-zi' }) code: string;
  @ApiProperty({ example: '川妹子' }) name: string;
  @ApiProperty({ example: '510000', description: "The brand's origin (GB/T 2260)" }) regionCode: string;
  @ApiProperty({ example: '家政服务' }) trade: string;
}

export class RegisteredLaborBrandResponse {
  @ApiProperty({ example: 'bazhong-jiangong' }) code: string;
}
