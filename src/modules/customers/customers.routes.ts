/** HTTP routes of customers: erasure of personal data. */
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { allow } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import type { AppServices } from '../../http/services.js';
import { eraseCustomer, UnknownCustomerError } from './customers.service.js';

/** Registers the customer routes. */
export async function customerRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  app.delete(
    '/customers/:id/personal-data',
    {
      preHandler: allow('admin'),
      schema: {
        summary: "Erase a customer's personal data (idempotent; later imports do not restore it)",
        tags: ['customers'],
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 512, description: 'customer id in the source system' }),
        }),
        response: {
          200: Type.Object({ conversations: Type.Integer({ description: 'conversations rewritten' }) }),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      try {
        return await eraseCustomer(services.database, id);
      } catch (error) {
        if (error instanceof UnknownCustomerError) throw notFound(`customer ${id}`);
        throw error;
      }
    },
  );
}
