/**
 * What every module needs: permissions and route declarations, the identity of the
 * employee behind a request, the exceptions services throw, paging, labels and the
 * company's clock. Its sub-packages are open as well: {@code shared.web} (the error
 * format, form pages, htmx, the base URL) and {@code shared.crypto} (the field-cipher
 * interface that {@code protection.encryption} implements).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.holdfast.shared;
