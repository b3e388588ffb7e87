import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ThrottlerException, ThrottlerStorageService } from '@nestjs/throttler';
import { PrincipalThrottlerGuard } from './principal-throttler.guard';

class SomeController {
  handle(): void {}
}

function contextOf(type: 'http' | 'rpc'): ExecutionContextHost {
  const request = { ip: '10.0.0.1', headers: {}, principal: { role: 'station', sub: 'station-1' } };
  const response = { header: () => undefined, setHeader: () => undefined };
  const args = type === 'http' ? [request, response] : [{ type: 'WorkerChanged' }, {}];
  const context = new ExecutionContextHost(args, SomeController, SomeController.prototype.handle);
  context.setType(type);
  return context;
}

describe('PrincipalThrottlerGuard', () => {
  let guard: PrincipalThrottlerGuard;

  beforeEach(async () => {
    guard = new PrincipalThrottlerGuard([{ name: 'per-principal', ttl: 60_000, limit: 2 }], new ThrottlerStorageService(), new Reflector());
    await guard.onModuleInit();
  });

  it('limits HTTP requests per principal', async () => {
    await expect(guard.canActivate(contextOf('http'))).resolves.toBe(true);
    await expect(guard.canActivate(contextOf('http'))).resolves.toBe(true);
    await expect(guard.canActivate(contextOf('http'))).rejects.toBeInstanceOf(ThrottlerException);
  });

  it('never limits Kafka event handlers (a station registering 2,400 workers is not a client flooding the API)', async () => {
    for (let i = 0; i < 50; i++) await expect(guard.canActivate(contextOf('rpc'))).resolves.toBe(true);
  });
});
