export { createWorkflow, fromPromise, REVIEW, SUBMITTING, SUBMITTED, type WorkflowContext, type WorkflowEvent, type WorkflowMachine, type WorkflowOptions, type SubmitInput } from './machine.js';
