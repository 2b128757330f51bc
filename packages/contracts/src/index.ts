export * from './errors.ts'
export * from './password-policy.ts'
export * from './auth.ts'
export * from './health.ts'
