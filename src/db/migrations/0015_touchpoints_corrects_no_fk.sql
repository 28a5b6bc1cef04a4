ALTER TABLE "touchpoints" DROP CONSTRAINT "touchpoints_corrects_id_touchpoints_id_fk";
