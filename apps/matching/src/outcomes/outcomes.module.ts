import { Module } from '@nestjs/common';
import { DispatchOutcomesRecorder } from './dispatch-outcomes.recorder';
import { DispatchOutcomesStore } from './dispatch-outcomes.store';
import { OutcomeSignals } from './outcome-signals';

/** Learning from dispatch outcomes: the recorded outcomes, and the rate classes and histories every ranking reads. */
@Module({
  providers: [DispatchOutcomesStore, OutcomeSignals, DispatchOutcomesRecorder],
  exports: [OutcomeSignals, DispatchOutcomesRecorder],
})
export class OutcomesModule {}
