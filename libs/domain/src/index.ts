// Reference data and pure domain rules shared by every app: regions (GB/T 2260), skills and
// certificates, east-west cooperation pairs (东西部协作), wage normalisation, resident ID numbers
// (GB 11643) and phone numbers. No Nest, no I/O at call time: the region table is loaded once at
// module load.
export * from './regions/regions';
export * from './regions/east-west-pairs';
export * from './skills/skills';
export * from './labor-brands/labor-brands';
export * from './occupations/occupations';
export * from './wages';
export * from './resident-id';
export * from './phone';
export * from './credit-code';
export * from './free-text';
