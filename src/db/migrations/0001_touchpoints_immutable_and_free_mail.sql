-- Touchpoints are evidence: never updated, never deleted. Corrections are new rows.
CREATE FUNCTION truce_refuse_touchpoint_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'touchpoints are immutable; record a correction instead' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER touchpoints_immutable BEFORE UPDATE OR DELETE ON touchpoints
  FOR EACH ROW EXECUTE FUNCTION truce_refuse_touchpoint_change();
--> statement-breakpoint
-- The effective timeline: every touch that no later row corrects, minus retractions.
CREATE VIEW effective_touchpoints AS
  SELECT t.* FROM touchpoints t
  WHERE NOT t.retracted
    AND NOT EXISTS (SELECT 1 FROM touchpoints c WHERE c.corrects_id = t.id);
--> statement-breakpoint
INSERT INTO free_mail_domains (domain) VALUES
  ('gmail.com'),('googlemail.com'),('yahoo.com'),('yahoo.co.uk'),('yahoo.fr'),('yahoo.de'),('ymail.com'),
  ('hotmail.com'),('hotmail.co.uk'),('hotmail.fr'),('hotmail.de'),('outlook.com'),('live.com'),('msn.com'),
  ('aol.com'),('icloud.com'),('me.com'),('mac.com'),('protonmail.com'),('proton.me'),('pm.me'),
  ('gmx.com'),('gmx.de'),('gmx.net'),('web.de'),('mail.com'),('yandex.com'),('yandex.ru'),('mail.ru'),
  ('zoho.com'),('fastmail.com'),('tutanota.com'),('hey.com'),('qq.com'),('163.com'),('126.com'),
  ('sina.com'),('naver.com'),('daum.net'),('orange.fr'),('free.fr'),('laposte.net'),('sfr.fr'),
  ('libero.it'),('virgilio.it'),('t-online.de'),('freenet.de'),('btinternet.com'),('sky.com'),
  ('comcast.net'),('verizon.net'),('att.net'),('sbcglobal.net'),('cox.net'),('rocketmail.com'),
  ('rediffmail.com'),('seznam.cz'),('wp.pl'),('o2.pl'),('interia.pl'),('bol.com.br'),('uol.com.br'),
  ('terra.com.br'),('shaw.ca'),('rogers.com'),('bigpond.com'),('optusnet.com.au'),('telus.net')
ON CONFLICT DO NOTHING;
