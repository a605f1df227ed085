/**
 * Inside customer: the pages and the REST API of customers, contacts, team members,
 * transfers, history and reveals, with their forms and page models. Every check sits in
 * the services they call.
 */
package dev.holdfast.customer.web;
