// The root fields of the API. Modules declare queries and mutations with these (not type-graphql's own), so every
// one decodes its global-ID arguments the same way (see id-arguments.ts); a test keeps modules from bypassing them.
import { Mutation as GraphQLMutation, Query as GraphQLQuery, UseMiddleware } from "type-graphql";
import { DecodeIds } from "./id-arguments";

type RootFieldArgs = Parameters<typeof GraphQLQuery>;

export function Query(...[returns, options]: RootFieldArgs): MethodDecorator {
  return (target, key, descriptor) => {
    UseMiddleware(DecodeIds)(target, key, descriptor);
    GraphQLQuery(returns, options)(target, key, descriptor);
  };
}

export function Mutation(...[returns, options]: RootFieldArgs): MethodDecorator {
  return (target, key, descriptor) => {
    UseMiddleware(DecodeIds)(target, key, descriptor);
    GraphQLMutation(returns, options)(target, key, descriptor);
  };
}
