process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'error';
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
