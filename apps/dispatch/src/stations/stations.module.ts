import { APP_CONFIG } from '@laowu/platform';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DispatchConfig } from '../dispatch.config';
import { PushSettingsEntity } from './push-settings.entity';
import { PushSettingsHttpController } from './push-settings.http.controller';
import { PushSettingsService } from './push-settings.service';
import { StationEntity } from './station.entity';
import { StationsHttpController } from './stations.http.controller';
import { StationsService } from './stations.service';
import { WebhookSecretCipher } from './webhook-secret.cipher';
import { WebhookSecretHttpController } from './webhook-secret.http.controller';

@Module({
  imports: [TypeOrmModule.forFeature([StationEntity, PushSettingsEntity])],
  controllers: [StationsHttpController, PushSettingsHttpController, WebhookSecretHttpController],
  providers: [
    StationsService,
    PushSettingsService,
    { provide: WebhookSecretCipher, useFactory: (config: DispatchConfig) => new WebhookSecretCipher(config.webhookSecretKey), inject: [APP_CONFIG] },
  ],
  exports: [StationsService],
})
export class StationsModule {}
