import 'reflect-metadata';
import { kafkaConsumers } from '@laowu/messaging';
import { loadConfigOrExit, startApp } from '@laowu/platform';
import { DispatchConfig } from './dispatch.config';
import { ABOUT, AppModule } from './app.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit(DispatchConfig, ABOUT.name);
  const consumers = kafkaConsumers({ brokers: config.kafkaBrokers, clientId: ABOUT.name, ...config.kafkaSecurity }, { groupId: config.KAFKA_GROUP_ID });
  await startApp(AppModule.forRoot(config), config, ABOUT, consumers);
}

void main();
