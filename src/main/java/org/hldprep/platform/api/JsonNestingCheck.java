package org.hldprep.platform.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.hldprep.platform.input.InputLimits;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A JSON body nested deeper than {@link InputLimits#MAX_JSON_NESTING} levels is refused as such, whatever
 * the request's type: Jackson checks the depth only as far as it reads, and a typed field (a text) stops
 * reading at the first array. So the whole body is run through the parser once first (it is small: the
 * size limit applies before), and ApiExceptionHandler answers 400 naming the limit.
 */
@RestControllerAdvice
class JsonNestingCheck extends RequestBodyAdviceAdapter {

  private final ObjectMapper mapper;

  JsonNestingCheck(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public boolean supports(MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
    byte[] body = input.getBody().readAllBytes();
    try (JsonParser parser = mapper.getFactory().createParser(body)) {
      while (parser.nextToken() != null) {
        // every token read: the parser counts the depth as it goes
      }
    } catch (StreamConstraintsException tooDeep) {
      throw new HttpMessageNotReadableException(tooDeep.getOriginalMessage(), tooDeep, input);
    } catch (JsonProcessingException malformed) {
      // not JSON: the converter reads it again and says where it breaks
    }
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return input.getHeaders();
      }
    };
  }
}
