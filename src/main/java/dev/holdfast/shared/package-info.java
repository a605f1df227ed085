/**
 * Infrastructure every module may use: the embedded PostgreSQL, the error format of the
 * API, paging and the identity of the employee behind a request.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.holdfast.shared;
