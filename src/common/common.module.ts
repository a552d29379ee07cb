import { Global, Module } from '@nestjs/common';
import { ErrorDialectRegistry } from './error-dialect.js';
import { TransactionService } from './transaction.service.js';

@Global()
@Module({
  providers: [ErrorDialectRegistry, TransactionService],
  exports: [ErrorDialectRegistry, TransactionService],
})
export class CommonModule {}
